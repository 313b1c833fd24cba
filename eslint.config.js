// ESLint (flat config): TypeScript-aware recommended rules plus the React hooks rules, over the code we write.
// Formatting is Prettier's job (`npm run format:check`), so no stylistic rules here.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'build/',
      'public/build/',
      '.cache/',
      '.data/',
      'bench/bare-remix/build/',
      'bench/bare-remix/public/build/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Input sanitising matches control characters on purpose (message bodies, file names, spam screens).
      'no-control-regex': 'off',
      // `interface AppLoadContext extends HoldspaceContext {}` is how Remix's context type is augmented.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    // The bench's load generators exchange untyped IPC messages with their parent.
    files: ['bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
)
