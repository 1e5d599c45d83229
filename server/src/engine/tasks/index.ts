/** Task runners: the world side of the engine's TaskRunner port (handler modules, mocks). */
export type { HandlerConfig, HandlerConfigResult, HandlerReference } from './handlerConfig';
export { handlerConfigFromExports, parseHandlerConfig } from './handlerConfig';
export type { HandlerRunnerOptions } from './handlerRunner';
export { createHandlerRunner } from './handlerRunner';
export type { ModuleImporter } from './loadHandler';
export { functionExportNames, importModule } from './loadHandler';
export type { MockConfig, MockConfigResult, MockedAnswer, MockedResponse } from './mockConfig';
export { parseMockConfig } from './mockConfig';
export type { MockRunnerResult, TestCaseMocks, TestCaseSelection } from './mockRunner';
export { createMockRunner, mockRunnerFromText, selectTestCase } from './mockRunner';
export { composeTaskRunners, noAnswerMessage } from './composeRunners';
export type { SelectiveTaskRunner } from './runner';
export { stateMachineName } from './stateMachineName';
