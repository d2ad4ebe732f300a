"""Text rules shared by the sources: recoding through data/mappings (normalise), canonical links (urls),
what a text says about healthcare and attacks (classify, healthcare_rules), names in headlines (headlines),
when two names are one organisation (names), and repairing encoding damage (mojibake)."""
