/** JSON values as Step Functions passes them between states: plain data, serializable as is. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
