"""Pure plotly figure builders, one module a page (never calls st.*); common.py holds what they share."""
