import { chronicleProject } from "@chronicle/vitest-config";
export default chronicleProject("simulator");
