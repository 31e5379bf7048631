// Matchers that say what a tab test expects of the page (toBeInTheDocument, toHaveTextContent, toBeDisabled...).
import '@testing-library/jest-dom';
