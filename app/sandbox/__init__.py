"""A faithful local DSOP world served over real HTTP on loopback.

One process serves the token service (Maskinporten), the customer relations overview, the API
directory, CertPub and a handful of synthetic banks, each a Control API v2 that validates what
it receives as strictly as a real bank would. Start it with `python -m app.sandbox` or, from
Python, with `app.sandbox.process.SandboxProcess`. Nothing here imports Qt or client code.
"""
