"""Allows `python -m app` as an alias of the `boinnsyn` command."""

from app.cli import main

raise SystemExit(main())
