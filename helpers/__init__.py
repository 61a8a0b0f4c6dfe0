"""Shared helpers: the bottom layer of the portal.

Text folding and spelling variants, letter grouping, filter state and the list
page helper, pagination, an i18n sitemap base and a slug natural-key manager.
No models of their own, and no import of any app of the portal.
"""
