/** Jest runs the TypeScript tests through ts-jest; no browser and no Excel are needed. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }],
  },
  moduleNameMapper: {
    // office-addin-mock pulls the ESM entry of office-addin-manifest; jest on Node 20 needs the CJS one
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/main.js",
  },
  testTimeout: 30000,
};
