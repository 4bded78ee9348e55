"""The pure domain: no SQL, no clock, no screen text (imports only core/ and errors)."""
