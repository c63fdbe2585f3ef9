/** Jest runs the TypeScript tests through ts-jest; no browser and no Excel are needed. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }],
  },
  moduleNameMapper: {
    // office-addin-mock needs only office-addin-manifest's OfficeApp helpers; its main entry loads
    // ESM-only packages (strip-bom) that jest on Node 20 cannot require
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testTimeout: 30000,
};
