"""The directory written the way a team first writes it, for comparison only
(`make bench`): Django's generic views over the portal's own tables."""
