"""Use cases shared by the CLI, the fast path, the demo and the tests."""
