// What a repository file is to production, and why: the role every repository
// finding carries. The rules that give it live in the model (model/role-rules.ts).

export const FILE_ROLES = ['production', 'development', 'test', 'docs', 'example', 'template', 'tooling', 'unknown'] as const;
export type FileRole = (typeof FILE_ROLES)[number];

export interface RoleInfo {
  role: FileRole;
  /** Why: the rule or the content that decided it. */
  reason: string;
  /**
   * What gave the role, as a stable identifier: a role rule's id (`role-rules.ts`), an evidence kind
   * (`evidence:built-into-image`...), `config:repo.roles` or `content:<kind>`. Shown in every report format.
   */
  rule?: string;
}
