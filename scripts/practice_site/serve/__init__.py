"""What ``mkdocs serve`` adds: a same-origin live reload, the problems banner, change notification."""
