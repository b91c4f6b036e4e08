def get_context(context):
	"""Nothing to add: the message uses the report's own fields."""
