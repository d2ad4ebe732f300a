"""What the tests share (no tests here): loopback fakes of the sources (local_server.py and fake_*.py), the
hand-made frames (frames/), small HHS exports (hhs_csv.py), where the real snapshots are (snapshots.py), opening
the dashboard in AppTest (apptest.py) and in Chromium (dashboard_server.py)."""
