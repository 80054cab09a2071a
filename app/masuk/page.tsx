import type { Metadata } from 'next';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Masuk petugas', robots: { index: false } };

export default function SignInPage() {
  return (
    <div className="mx-auto max-w-sm px-4 py-10 space-y-4">
      <h1 className="text-2xl font-bold">Masuk petugas</h1>
      <p className="text-sm text-gray-700">Untuk lurah, camat, walikota, staf SKPD, validator dan operator.</p>
      <SignInForm />
    </div>
  );
}
