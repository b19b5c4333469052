"""Resolve stage: places (gazetteer + toponym resolution), actors and dates.

Importing this package does no work; import the submodule you need.
"""
