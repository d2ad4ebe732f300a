"""Build small HHS exports in the portal's real shape, for tests."""

from __future__ import annotations

HEADER = ('"Name of Covered Entity","State","Covered Entity Type","Individuals Affected","Breach Submission Date",'
          '"Type of Breach","Location of Breached Information","Business Associate Present","Web Description"')


def row(name="Example Clinic", state="CA", etype="Healthcare Provider", count="1200", date="03/04/2024",
        btype="Hacking/IT Incident", location="Network Server", ba="No", description="") -> str:
    cells = [name, state, etype, count, date, btype, location, ba, description]
    return ",".join('"' + c.replace('"', '""') + '"' for c in cells)


def export(*rows: str, header: str = HEADER, newline: str = "\n") -> bytes:
    return (newline.join([header, *rows]) + newline).encode("utf-8")
