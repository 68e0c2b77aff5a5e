// Routes. Pages for signed-out visitors (sign in, sign up, the links mailed for an invitation, a password
// reset or an address to verify) stand alone; everything else lives in the Shell, inside the chosen
// organization.
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSessionState } from './auth/session.ts';
import { Shell } from './components/Shell.tsx';
import { Loading } from './components/ui.tsx';
import { AcceptInvitationPage } from './pages/AcceptInvitationPage.tsx';
import { AccessPage } from './pages/AccessPage.tsx';
import { AccountPage } from './pages/account/AccountPage.tsx';
import { AuditPage } from './pages/audit/AuditPage.tsx';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage.tsx';
import { MembersPage } from './pages/MembersPage.tsx';
import { NewOrganizationPage } from './pages/NewOrganizationPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ResetPasswordPage } from './pages/ResetPasswordPage.tsx';
import { RolesPage } from './pages/RolesPage.tsx';
import { SignInPage, SignUpPage } from './pages/SignInPage.tsx';
import { TasksPage } from './pages/task-list/TasksPage.tsx';
import { TaskPage } from './pages/task/TaskPage.tsx';
import { TeamsPage } from './pages/TeamsPage.tsx';
import { VerifyEmailPage } from './pages/VerifyEmailPage.tsx';

/** Signed-in pages send a signed-out visitor to sign in, and back here afterwards. */
function SignedIn({ children }: { children: ReactNode }) {
  const state = useSessionState();
  const location = useLocation();
  if (state.status === 'starting') return <Loading what="your session" />;
  if (state.status === 'signedOut') return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return children;
}

export function App() {
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      <Route path="/signup" element={<SignUpPage />} />
      <Route path="/invitations/accept" element={<AcceptInvitationPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/verify-email" element={<VerifyEmailPage />} />
      <Route
        element={
          <SignedIn>
            <Shell />
          </SignedIn>
        }
      >
        <Route index element={<Navigate to="/tasks" replace />} />
        <Route path="/tasks" element={<TasksPage />} />
        <Route path="/tasks/:id" element={<TaskPage />} />
        <Route path="/teams" element={<TeamsPage />} />
        <Route path="/members" element={<MembersPage />} />
        <Route path="/roles" element={<RolesPage />} />
        <Route path="/access" element={<AccessPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="/organizations/new" element={<NewOrganizationPage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
