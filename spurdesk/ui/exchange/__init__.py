"""Qt views of the exchange with the unit: review of a response, unit mode, follow-up."""
