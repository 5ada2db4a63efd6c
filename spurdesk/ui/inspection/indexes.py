"""The index types every item model here takes, and the invalid index used as the root."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

ModelIndex = QModelIndex | QPersistentModelIndex
#: Default `parent` argument of the models' methods (a module constant, not a call per default).
NO_PARENT = QModelIndex()
