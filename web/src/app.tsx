import { Route, Routes } from 'react-router';
import { AccessGate } from './routes/access-gate.tsx';
import { APP_ROUTES } from './routes/routes.tsx';
import { ShellLayout } from './shell/app-shell.tsx';

export function App() {
  return (
    <Routes>
      <Route element={<ShellLayout />}>
        {APP_ROUTES.map((route) => (
          <Route
            key={route.path}
            path={route.path}
            element={
              <AccessGate access={route.access} roles={route.roles}>
                {route.element}
              </AccessGate>
            }
          />
        ))}
      </Route>
    </Routes>
  );
}
