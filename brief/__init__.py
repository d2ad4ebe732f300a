"""The weekly brief for policymakers: numbers (compute.py), words (narrative.py), documents (render.py).

Reads the tidy dataset like everything downstream of the collectors; never imports streamlit.
"""
