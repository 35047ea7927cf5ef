"""What a visitor can ask of the desk's public lists, one module per concern."""
