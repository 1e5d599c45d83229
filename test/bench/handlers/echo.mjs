// The local Lambda handler of the Task benchmark: returns its event, as an identity function.
export const handler = async (event) => event;
