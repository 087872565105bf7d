"""The Qt client of approval (決裁): the inbox, starting a circulation, the review window."""
