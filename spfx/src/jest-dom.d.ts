// The matchers test-stubs/jsdom-setup.js adds to expect (toBeInTheDocument...).
/// <reference types="@testing-library/jest-dom" />
