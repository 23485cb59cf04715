"""Qt widgets: main window, lists, status, and the bridge from the sync layer to Qt."""
