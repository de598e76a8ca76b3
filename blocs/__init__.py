"""`blocs`: the command line over the graphkit library (parses options, calls graphkit.api)."""
