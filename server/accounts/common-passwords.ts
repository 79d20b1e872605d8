// The most frequent passwords in public breach corpora that are long enough to pass the length
// rule: length alone does not stop these, they are the first an attacker tries.
const COMMON_PASSWORDS = new Set([
  '1234567890', '0123456789', '0987654321', '1234567891', '1234512345', '1111111111', '0000000000',
  '1212121212', '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4t5', 'q1w2e3r4t5y6', 'qwertyuiop', 'qwerty1234',
  'qwerty12345', 'qwerty123456', 'qwertyuiop1', 'asdfghjkl1', 'asdfghjkl;', 'zxcvbnm123', '1qaz2wsx3edc',
  'qazwsxedc123', 'qazwsxedcrfv', 'password12', 'password123', 'password1234', 'password12345', 'password!',
  'password01', 'passw0rd123', 'p@ssw0rd123', 'p@ssword123', 'password1!', 'mypassword', 'mypassword1',
  'iloveyou123', 'iloveyou12', 'iloveyou1!', 'loveyou123', 'princess123', 'sunshine123', 'football123',
  'baseball123', 'superman123', 'batman1234', 'starwars123', 'dragon1234', 'monkey1234', 'letmein123',
  'welcome123', 'welcome1234', 'welcome2024', 'welcome2025', 'welcome2026', 'changeme123', 'admin12345',
  'administrator', 'abcdefghij', 'abcdefghijk', 'abcd123456', 'abc1234567', 'a123456789', '123456789a',
  '123456789q', 'abcdef123456', '123456abcdef', 'aaaaaaaaaa', 'qqqqqqqqqq', '123123123123', '1231231231',
  '9876543210', '123qweasdzxc', 'trustno1234', 'whatever123', 'internet123', 'computer123', 'samsung123',
  'michael123', 'jennifer123', 'charlie123', 'liverpool1', 'liverpool123', 'chelsea123', 'arsenal123',
  'pokemon123', 'minecraft1', 'minecraft123', 'fortnite123', 'spiderman1', 'spiderman123', 'basketball',
  'basketball1', 'football1!', 'soccer1234', 'hockey1234', 'jordan2323', 'michelle12', 'elizabeth1',
  'christopher', 'alexander1', 'sunflower1', 'butterfly1', 'chocolate1', 'chocolate123', 'pa55word123',
  'passwordpassword', 'qwertyqwerty', 'asdfasdfasdf', 'zaq12wsxcde', 'zaq1zaq1zaq1', 'q2w3e4r5t6',
  '1q2w3e4r5t6y7u', 'marketing123', 'marketing2024', 'marketing2025', 'marketing2026', 'company123',
  'summer2024!', 'summer2025!', 'winter2024!', 'winter2025!', 'spring2025!', 'autumn2025!',
])

/** True for a password found in breach corpora' most common lists (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase())
}
