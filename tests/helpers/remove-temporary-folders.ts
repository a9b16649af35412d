// Run before every test file (vitest.config.ts's setupFiles): whatever temporary folders the file's
// tests made with temporaryDir or copyProject are removed once its tests are done, passed or failed.
import { afterAll } from "vitest";
import { removeTemporaryFolders } from "./project.ts";

afterAll(removeTemporaryFolders);
