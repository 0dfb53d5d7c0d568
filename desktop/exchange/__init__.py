"""The exchange file a town sends the prefecture: format, write, read, verify, crypto, aggregate; no Qt."""
