import base from "@chronicle/eslint-config";
export default base;
