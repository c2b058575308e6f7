// The officer app's entry (index.html). Served by the API at `/` with a CSP that allows no eval and no inline code.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles/app.css';

const container = document.getElementById('app-root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
