"""The facilitator's live launch meeting screen and its widgets and forms."""
