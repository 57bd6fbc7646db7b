/** Issue item 4, compile-time half: transferring a pool array's buffer (AAP3010-3012). */
import { checkCases } from "./check.js";
import { DETACH } from "./cases.js";

checkCases("detach", DETACH, {
  "detach-buffer-transfer": [
    "detach-buffer-transfer.ts(9,17): error AAP3010: The buffer of `v` (acquired at 8:13) is transferred at 9:17 by `.transfer()`, which detaches memory the pool still owns: the array and every other view of that buffer become empty until the pool replaces the buffer. Transfer a copy instead (`v.slice().buffer`).",
  ],
  "detach-structured-clone": [
    "detach-structured-clone.ts(9,16): error AAP3011: The buffer of `v` (acquired at 8:13) is transferred at 9:16 by structuredClone's transfer list, which detaches memory the pool still owns: the array and every other view of that buffer become empty until the pool replaces the buffer. Transfer a copy instead (`v.slice().buffer`), or send without a transfer list.",
  ],
  "detach-post-message": [
    "detach-post-message.ts(9,3): error AAP3012: The buffer of `v` (acquired at 8:13) is transferred at 9:3 by postMessage's transfer list, which detaches memory the pool still owns: the array and every other view of that buffer become empty until the pool replaces the buffer. Transfer a copy instead (`v.slice().buffer`), or send without a transfer list.",
  ],
});
