"""The built-in extractors.  Each is a plugin registered through the public hook, exactly as a
third-party distribution would register its own."""
