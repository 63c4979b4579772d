package io.dirsync.directory.authing;

/**
 * The GraphQL documents, with the operation names, variable declarations and selection sets of
 * the official SDK (authing-js-sdk 4.23.55), some selecting fewer fields than the SDK's (never other
 * ones: SdkProvenRequestsTest holds every request to what the SDK sends).
 */
final class Gql {
  private Gql() {}

  static final String USER = " id arn userPoolId status username email emailVerified phone phoneVerified unionid openid"
      + " nickname registerSource photo password oauth token tokenExpiredAt loginsCount lastLogin lastIP signedUp blocked"
      + " isDeleted device browser company name givenName familyName middleName profile preferredUsername website gender"
      + " birthdate zoneinfo locale address formatted streetAddress locality region postalCode city province country"
      + " createdAt updatedAt externalId phoneCountryCode ";
  static final String IDENT = " identities { openid userIdInIdp userId connectionId isSocial provider type userPoolId extIdpId } ";
  static final String CDATA = " customData { key value dataType label } ";
  static final String NODE = " id orgId name nameI18n description descriptionI18n order code root depth path createdAt updatedAt children ";
  static final String NODE_NO_PATH = " id orgId name nameI18n description descriptionI18n order code root depth createdAt updatedAt children ";
  static final String ORG = " id rootNode {" + NODE + "} nodes {" + NODE + "} ";
  static final String GROUP = " code name description createdAt updatedAt ";
  static final String ROLE = " id namespace code arn description createdAt updatedAt parent { namespace code arn description createdAt updatedAt } ";
  static final String UDV = " key dataType value label ";
  static final String MESSAGE = " message code ";

  // users
  static final String CREATE_USER = "mutation createUser($userInfo: CreateUserInput!, $params: String, $identity: CreateUserIdentityInput,"
      + " $keepPassword: Boolean, $resetPasswordOnFirstLogin: Boolean) { createUser(userInfo: $userInfo, params: $params,"
      + " identity: $identity, keepPassword: $keepPassword, resetPasswordOnFirstLogin: $resetPasswordOnFirstLogin) {" + USER + "} }";
  /** The SDK's createUserWithCustomData: custom data travels in {@code params}, and comes back. */
  static final String CREATE_USER_WITH_CUSTOM_DATA = "mutation createUserWithCustomData($userInfo: CreateUserInput!,"
      + " $keepPassword: Boolean, $params: String) { createUser(userInfo: $userInfo, keepPassword: $keepPassword,"
      + " params: $params) {" + USER + CDATA + "} }";
  static final String UPDATE_USER = "mutation updateUser($id: String, $input: UpdateUserInput!, $emailToken: String, $phoneToken: String)"
      + " { updateUser(id: $id, input: $input, emailToken: $emailToken, phoneToken: $phoneToken) {" + USER + "expiredAt directManagement } }";
  static final String DELETE_USER = "mutation deleteUser($id: String!) { deleteUser(id: $id) {" + MESSAGE + "} }";
  static final String DELETE_USERS = "mutation deleteUsers($ids: [String!]!) { deleteUsers(ids: $ids) {" + MESSAGE + "} }";
  static final String USERS = "query users($page: Int, $limit: Int, $sortBy: SortByEnum, $excludeUsersInOrg: Boolean) { users(page: $page,"
      + " limit: $limit, sortBy: $sortBy, excludeUsersInOrg: $excludeUsersInOrg) { totalCount list {" + USER + IDENT + "} } }";
  static final String USERS_WITH_CUSTOM_DATA = "query usersWithCustomData($page: Int, $limit: Int, $sortBy: SortByEnum, $excludeUsersInOrg: Boolean)"
      + " { users(page: $page, limit: $limit, sortBy: $sortBy, excludeUsersInOrg: $excludeUsersInOrg) { totalCount list {"
      + USER + IDENT + CDATA + "} } }";
  static final String ARCHIVED_USERS = "query archivedUsers($page: Int, $limit: Int) { archivedUsers(page: $page, limit: $limit)"
      + " { totalCount list {" + USER + "} } }";
  static final String IS_USER_EXISTS = "query isUserExists($email: String, $phone: String, $username: String, $externalId: String)"
      + " { isUserExists(email: $email, phone: $phone, username: $username, externalId: $externalId) }";
  static final String FIND_USER = "query findUser($email: String, $phone: String, $username: String, $externalId: String,"
      + " $identity: FindUserByIdentityInput) { findUser(email: $email, phone: $phone, username: $username, externalId: $externalId,"
      + " identity: $identity) {" + USER + "} }";
  static final String FIND_USER_WITH_CUSTOM_DATA = "query findUserWithCustomData($email: String, $phone: String, $username: String,"
      + " $externalId: String) { findUser(email: $email, phone: $phone, username: $username, externalId: $externalId) {" + USER + CDATA + "} }";
  private static final String SEARCH_ARGS = "($query: String!, $fields: [String], $page: Int, $limit: Int, $departmentOpts:"
      + " [SearchUserDepartmentOpt], $groupOpts: [SearchUserGroupOpt], $roleOpts: [SearchUserRoleOpt]) { searchUser(query: $query,"
      + " fields: $fields, page: $page, limit: $limit, departmentOpts: $departmentOpts, groupOpts: $groupOpts, roleOpts: $roleOpts)";
  static final String SEARCH_USER = "query searchUser" + SEARCH_ARGS + " { totalCount list {" + USER + "} } }";
  static final String SEARCH_USER_WITH_CUSTOM_DATA = "query searchUserWithCustomData" + SEARCH_ARGS + " { totalCount list {" + USER + CDATA + "} } }";
  static final String REFRESH_TOKEN = "mutation refreshToken($id: String) { refreshToken(id: $id) { token iat exp } }";
  static final String GET_USER_GROUPS = "query getUserGroups($id: String!) { user(id: $id) { groups { totalCount list {" + GROUP + "} } } }";
  static final String ADD_USER_TO_GROUP = "mutation addUserToGroup($userIds: [String!]!, $code: String) { addUserToGroup(userIds: $userIds,"
      + " code: $code) {" + MESSAGE + "} }";
  static final String REMOVE_USER_FROM_GROUP = "mutation removeUserFromGroup($userIds: [String!]!, $code: String)"
      + " { removeUserFromGroup(userIds: $userIds, code: $code) {" + MESSAGE + "} }";
  static final String GET_USER_ROLES = "query getUserRoles($id: String!, $namespace: String) { user(id: $id) { roles(namespace: $namespace)"
      + " { totalCount list { id code namespace arn description createdAt updatedAt parent { code namespace arn description createdAt"
      + " updatedAt } } } } }";
  private static final String ROLE_ASSIGN_ARGS = "($namespace: String, $roleCode: String, $roleCodes: [String], $userIds: [String!],"
      + " $groupCodes: [String!], $nodeCodes: [String!])";
  private static final String ROLE_ASSIGN_CALL = "(namespace: $namespace, roleCode: $roleCode, roleCodes: $roleCodes, userIds: $userIds,"
      + " groupCodes: $groupCodes, nodeCodes: $nodeCodes) {" + MESSAGE + "} }";
  static final String ASSIGN_ROLE = "mutation assignRole" + ROLE_ASSIGN_ARGS + " { assignRole" + ROLE_ASSIGN_CALL;
  static final String REVOKE_ROLE = "mutation revokeRole" + ROLE_ASSIGN_ARGS + " { revokeRole" + ROLE_ASSIGN_CALL;
  static final String GET_USER_DEPARTMENTS = "query getUserDepartments($id: String!, $orgId: String) { user(id: $id) {"
      + " departments(orgId: $orgId) { totalCount list { department {" + NODE + "codePath namePath isVirtualNode }"
      + " isMainDepartment joinedAt } } } }";
  static final String LIST_USER_AUTHORIZED_RESOURCES = "query listUserAuthorizedResources($id: String!, $namespace: String,"
      + " $resourceType: String) { user(id: $id) { authorizedResources(namespace: $namespace, resourceType: $resourceType)"
      + " { totalCount list { code type actions apiIdentifier } } } }";
  static final String SEND_FIRST_LOGIN_VERIFY_EMAIL = "mutation sendFirstLoginVerifyEmail($userId: String!, $appId: String!)"
      + " { sendFirstLoginVerifyEmail(userId: $userId, appId: $appId) {" + MESSAGE + "} }";

  // custom data
  static final String UDV_QUERY = "query udv($targetType: UDFTargetType!, $targetId: String!) { udv(targetType: $targetType,"
      + " targetId: $targetId) {" + UDV + "} }";
  static final String UDF_VALUE_BATCH = "query udfValueBatch($targetType: UDFTargetType!, $targetIds: [String!]!)"
      + " { udfValueBatch(targetType: $targetType, targetIds: $targetIds) { targetId data {" + UDV + "} } }";
  static final String SET_UDV_BATCH = "mutation setUdvBatch($targetType: UDFTargetType!, $targetId: String!, $udvList:"
      + " [UserDefinedDataInput!]) { setUdvBatch(targetType: $targetType, targetId: $targetId, udvList: $udvList) {" + UDV + "} }";
  static final String SET_UDF_VALUE_BATCH = "mutation setUdfValueBatch($targetType: UDFTargetType!, $input: [SetUdfValueBatchInput!]!)"
      + " { setUdfValueBatch(targetType: $targetType, input: $input) { code message } }";
  static final String REMOVE_UDV = "mutation removeUdv($targetType: UDFTargetType!, $targetId: String!, $key: String!)"
      + " { removeUdv(targetType: $targetType, targetId: $targetId, key: $key) {" + UDV + "} }";
  static final String SET_UDV = "mutation setUdv($targetType: UDFTargetType!, $targetId: String!, $key: String!, $value: String!)"
      + " { setUdv(targetType: $targetType, targetId: $targetId, key: $key, value: $value) {" + UDV + "} }";
  static final String SET_UDF = "mutation setUdf($targetType: UDFTargetType!, $key: String!, $dataType: UDFDataType!, $label: String!,"
      + " $options: String) { setUdf(targetType: $targetType, key: $key, dataType: $dataType, label: $label, options: $options)"
      + " { targetType dataType key label options } }";
  static final String UDF = "query udf($targetType: UDFTargetType!) { udf(targetType: $targetType) { targetType dataType key label options } }";
  static final String REMOVE_UDF = "mutation removeUdf($targetType: UDFTargetType!, $key: String!) { removeUdf(targetType: $targetType,"
      + " key: $key) {" + MESSAGE + "} }";

  // policies
  static final String POLICY_ASSIGNMENTS = "query policyAssignments($namespace: String, $code: String, $targetType:"
      + " PolicyAssignmentTargetType, $targetIdentifier: String, $page: Int, $limit: Int) { policyAssignments(namespace: $namespace,"
      + " code: $code, targetType: $targetType, targetIdentifier: $targetIdentifier, page: $page, limit: $limit) { totalCount list"
      + " { code targetType targetIdentifier } } }";
  static final String ADD_POLICY_ASSIGNMENTS = "mutation addPolicyAssignments($policies: [String!]!, $targetType:"
      + " PolicyAssignmentTargetType!, $targetIdentifiers: [String!], $inheritByChildren: Boolean, $namespace: String)"
      + " { addPolicyAssignments(policies: $policies, targetType: $targetType, targetIdentifiers: $targetIdentifiers,"
      + " inheritByChildren: $inheritByChildren, namespace: $namespace) {" + MESSAGE + "} }";
  static final String REMOVE_POLICY_ASSIGNMENTS = "mutation removePolicyAssignments($policies: [String!]!, $targetType:"
      + " PolicyAssignmentTargetType!, $targetIdentifiers: [String!], $namespace: String) { removePolicyAssignments(policies: $policies,"
      + " targetType: $targetType, targetIdentifiers: $targetIdentifiers, namespace: $namespace) {" + MESSAGE + "} }";

  // groups
  static final String CREATE_GROUP = "mutation createGroup($code: String!, $name: String!, $description: String) { createGroup(code: $code,"
      + " name: $name, description: $description) {" + GROUP + "} }";
  static final String UPDATE_GROUP = "mutation updateGroup($code: String!, $name: String, $description: String, $newCode: String)"
      + " { updateGroup(code: $code, name: $name, description: $description, newCode: $newCode) {" + GROUP + "} }";
  static final String GROUP_DETAIL = "query group($code: String!) { group(code: $code) {" + GROUP + "} }";
  static final String GROUPS = "query groups($userId: String, $page: Int, $limit: Int, $sortBy: SortByEnum) { groups(userId: $userId,"
      + " page: $page, limit: $limit, sortBy: $sortBy) { totalCount list {" + GROUP + "} } }";
  static final String DELETE_GROUPS = "mutation deleteGroups($codeList: [String!]!) { deleteGroups(codeList: $codeList) {" + MESSAGE + "} }";
  /** groupWithUsers selecting only the members' ids. */
  static final String GROUP_MEMBER_IDS = "query groupWithUsers($code: String!, $page: Int, $limit: Int) { group(code: $code)"
      + " { users(page: $page, limit: $limit) { totalCount list { id } } } }";
  static final String GROUP_WITH_USERS = "query groupWithUsers($code: String!, $page: Int, $limit: Int) { group(code: $code)"
      + " { users(page: $page, limit: $limit) { totalCount list {" + USER + "} } } }";

  // roles
  static final String CREATE_ROLE = "mutation createRole($namespace: String, $code: String!, $description: String, $parent: String)"
      + " { createRole(namespace: $namespace, code: $code, description: $description, parent: $parent) {" + ROLE + "} }";
  static final String ROLE_DETAIL = "query role($code: String!, $namespace: String) { role(code: $code, namespace: $namespace) {" + ROLE + "} }";
  static final String ROLES = "query roles($namespace: String, $page: Int, $limit: Int, $sortBy: SortByEnum) { roles(namespace: $namespace,"
      + " page: $page, limit: $limit, sortBy: $sortBy) { totalCount list { id namespace code arn description createdAt updatedAt } } }";
  static final String DELETE_ROLE = "mutation deleteRole($code: String!, $namespace: String) { deleteRole(code: $code,"
      + " namespace: $namespace) {" + MESSAGE + "} }";
  /** roleWithUsers selecting only the holders' ids. */
  static final String ROLE_MEMBER_IDS = "query roleWithUsers($code: String!, $namespace: String, $page: Int, $limit: Int)"
      + " { role(code: $code, namespace: $namespace) { users(page: $page, limit: $limit) { totalCount list { id } } } }";
  static final String ROLE_WITH_USERS = "query roleWithUsers($code: String!, $namespace: String, $page: Int, $limit: Int)"
      + " { role(code: $code, namespace: $namespace) { users(page: $page, limit: $limit) { totalCount list {" + USER + "} } } }";

  // org
  static final String CREATE_ORG = "mutation createOrg($name: String!, $code: String, $description: String, $tenantId: String)"
      + " { createOrg(name: $name, code: $code, description: $description, tenantId: $tenantId) {" + ORG + "} }";
  static final String DELETE_ORG = "mutation deleteOrg($id: String!) { deleteOrg(id: $id) {" + MESSAGE + "} }";
  static final String ORGS = "query orgs($page: Int, $limit: Int, $sortBy: SortByEnum) { orgs(page: $page, limit: $limit, sortBy: $sortBy)"
      + " { totalCount list { id rootNode { id name nameI18n description descriptionI18n order code root depth path createdAt"
      + " updatedAt children } nodes { id name nameI18n description descriptionI18n order code root depth path createdAt updatedAt"
      + " children } } } }";
  static final String ORG_DETAIL = "query org($id: String!) { org(id: $id) {" + ORG + "} }";
  static final String ADD_NODE = "mutation addNodeV2($orgId: String!, $parentNodeId: String, $name: String!, $nameI18n: String,"
      + " $description: String, $descriptionI18n: String, $order: Int, $code: String) { addNodeV2(orgId: $orgId, parentNodeId:"
      + " $parentNodeId, name: $name, nameI18n: $nameI18n, description: $description, descriptionI18n: $descriptionI18n, order: $order,"
      + " code: $code) {" + NODE + "} }";
  static final String UPDATE_NODE = "mutation updateNode($page: Int, $limit: Int, $sortBy: SortByEnum, $includeChildrenNodes: Boolean,"
      + " $id: String!, $name: String, $code: String, $description: String) { updateNode(id: $id, name: $name, code: $code,"
      + " description: $description) {" + NODE + "users(page: $page, limit: $limit, sortBy: $sortBy, includeChildrenNodes:"
      + " $includeChildrenNodes) { totalCount } } }";
  static final String DELETE_NODE = "mutation deleteNode($orgId: String!, $nodeId: String!) { deleteNode(orgId: $orgId, nodeId: $nodeId)"
      + " {" + MESSAGE + "} }";
  static final String MOVE_NODE = "mutation moveNode($orgId: String!, $nodeId: String!, $targetParentId: String!) { moveNode(orgId: $orgId,"
      + " nodeId: $nodeId, targetParentId: $targetParentId) {" + ORG + "} }";
  static final String NODE_BY_ID = "query nodeById($id: String!) { nodeById(id: $id) {" + NODE + "} }";
  static final String NODE_BY_CODE = "query nodeByCode($orgId: String!, $code: String!) { nodeByCode(orgId: $orgId, code: $code) {" + NODE + "} }";
  /** nodeByIdWithMembers selecting only the members' ids. */
  static final String NODE_MEMBER_IDS = "query nodeByIdWithMembers($page: Int, $limit: Int, $sortBy: SortByEnum,"
      + " $includeChildrenNodes: Boolean, $id: String!) { nodeById(id: $id) { id users(page: $page, limit: $limit,"
      + " sortBy: $sortBy, includeChildrenNodes: $includeChildrenNodes) { totalCount list { id } } } }";
  static final String NODE_BY_ID_WITH_MEMBERS = "query nodeByIdWithMembers($page: Int, $limit: Int, $sortBy: SortByEnum,"
      + " $includeChildrenNodes: Boolean, $id: String!) { nodeById(id: $id) {" + NODE_NO_PATH + "users(page: $page, limit: $limit,"
      + " sortBy: $sortBy, includeChildrenNodes: $includeChildrenNodes) { totalCount list {" + USER + "} } } }";
  static final String ADD_MEMBER = "mutation addMember($page: Int, $limit: Int, $sortBy: SortByEnum, $includeChildrenNodes: Boolean,"
      + " $nodeId: String, $orgId: String, $nodeCode: String, $userIds: [String!]!, $isLeader: Boolean) { addMember(nodeId: $nodeId,"
      + " orgId: $orgId, nodeCode: $nodeCode, userIds: $userIds, isLeader: $isLeader) {" + NODE + "users(page: $page, limit: $limit,"
      + " sortBy: $sortBy, includeChildrenNodes: $includeChildrenNodes) { totalCount list {" + USER + "} } } }";
  static final String REMOVE_MEMBER = "mutation removeMember($page: Int, $limit: Int, $sortBy: SortByEnum, $includeChildrenNodes: Boolean,"
      + " $nodeId: String, $orgId: String, $nodeCode: String, $userIds: [String!]!) { removeMember(nodeId: $nodeId, orgId: $orgId,"
      + " nodeCode: $nodeCode, userIds: $userIds) { id name nameI18n description descriptionI18n order code root depth createdAt"
      + " updatedAt children users(page: $page, limit: $limit, sortBy: $sortBy, includeChildrenNodes: $includeChildrenNodes)"
      + " { totalCount list {" + USER.replace(" externalId ", " ") + "} } } }";
  static final String SET_MAIN_DEPARTMENT = "mutation setMainDepartment($userId: String!, $departmentId: String)"
      + " { setMainDepartment(userId: $userId, departmentId: $departmentId) {" + MESSAGE + "} }";
}
