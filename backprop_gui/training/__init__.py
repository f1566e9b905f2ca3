"""The Qt side of training: a worker thread owning the Trainer, and the GUI's handle on it."""
