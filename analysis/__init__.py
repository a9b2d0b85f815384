"""Analysis package for the messaging-platforms report.

Everything that moves data lives here; notebooks and tests only call it.
"""
