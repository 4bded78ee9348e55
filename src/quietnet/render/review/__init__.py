"""The weekly review as text (Rich), Markdown, HTML and JSON.

``words`` holds every sentence the review says, so the four formats speak in one
voice; each other module turns a ``review.Review`` into one format and never
prints.
"""
