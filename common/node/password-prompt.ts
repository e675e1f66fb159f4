/**
 * Reads a password from the terminal without echo, or from stdin when it is not a terminal
 * (first line). Passwords never come from argv, where every user of the machine can see them.
 */
import { createInterface } from 'node:readline';

export async function readPassword(prompt: string, confirm: boolean): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine();
  const first = await askHidden(prompt);
  if (confirm && (await askHidden('Nhập lại / repeat: ')) !== first) throw new Error('the two passwords differ');
  return first;
}

async function readFirstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  throw new Error('no password on stdin');
}

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Replace what readline would echo with nothing while the password is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.includes(prompt)) process.stdout.write(prompt);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
