"""Writes of the directory that span models, send mail or move a workflow.

One module per concern; every function is keyword-only, atomic and typed. Views and
the admin call these instead of saving models themselves.
"""
