import { Schema } from 'mongoose';

/** A role granted to a user within one unit; a user may hold several. */
export interface RoleGrant {
  role: string;
  unitCode: string;
  /**
   * The first day (YYYY-MM-DD, Vietnam) the grant authorises acting, e.g. at a unit a reform creates; absent: in force
   * now. Honoured by actingGrants (api/units/acting-grants.ts).
   */
  from?: string;
}

export interface UserDoc {
  _id: string; // the username
  displayName: string;
  /**
   * The name and title in English (`Nguyễn Thị Hoa — Poverty-reduction officer, Phường Hà Cầu`), shown in English
   * mode; absent: `displayName` is shown in both languages.
   */
  displayNameEn?: string;
  passwordHash: string; // scrypt, see api/auth/hash-password.ts
  grants: RoleGrant[];
  active: boolean;
  /**
   * The single sign-on link an administrator set: the provider's issuer and the user's value of the configured
   * username claim (see api/auth/oidc/oidc-subject-of.ts). Absent: the user cannot sign in through the provider.
   */
  oidcSubject?: string;
  /** Failed sign-ins since the last successful one (see createAuthRouter); absent means 0. */
  failedLogins?: number;
  /** Set when `failedLogins` reached the lockout limit; sign-in is refused until an administrator unlocks. */
  lockedAt?: Date | null;
}

export const userSchema = new Schema<UserDoc>(
  {
    _id: { type: String, required: true },
    displayName: { type: String, required: true },
    displayNameEn: { type: String },
    passwordHash: { type: String, required: true },
    grants: [
      {
        _id: false,
        role: { type: String, required: true },
        unitCode: { type: String, required: true },
        from: { type: String },
      },
    ],
    active: { type: Boolean, default: true },
    oidcSubject: { type: String },
    failedLogins: { type: Number, default: 0 },
    lockedAt: { type: Date, default: null },
  },
  { collection: 'users', versionKey: false },
);
userSchema.index({ 'grants.unitCode': 1, 'grants.role': 1 });
userSchema.index({ oidcSubject: 1 }, { unique: true, sparse: true });
