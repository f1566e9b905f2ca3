"""The widgets of backprop_gui: they show snapshots and send commands; no training math."""
