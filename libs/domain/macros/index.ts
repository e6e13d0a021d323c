export { MACRO_LIMITS, MACRO_TARGET_STATUSES, MACRO_VARIABLES, macroProblems, type Macro, type MacroProblem } from './macro.js';
export { planMacro, type MacroPlan, type MacroTarget } from './macro-plan.js';
