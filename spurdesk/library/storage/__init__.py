"""The library's storage machinery: engine set-up, locking, backups, migrations, record mapping.

Nothing here is called from outside `spurdesk.library`; the service API is the only way in.
"""
