package io.dirsync.sandbox;

/** GraphQL documents as the official SDK sends them (selection sets abridged where noted). */
final class Docs {
    static final String USER = "id arn userPoolId status username email emailVerified phone phoneVerified unionid "
            + "openid nickname registerSource photo password oauth token tokenExpiredAt loginsCount lastLogin lastIP "
            + "signedUp blocked isDeleted device browser company name givenName familyName middleName profile "
            + "preferredUsername website gender birthdate zoneinfo locale address formatted streetAddress locality "
            + "region postalCode city province country createdAt updatedAt externalId phoneCountryCode";
    static final String NODE = "id orgId name nameI18n description descriptionI18n order code root depth path "
            + "codePath namePath createdAt updatedAt children";

    static final String ACCESS_TOKEN = "query accessToken($userPoolId: String!, $secret: String!) {\n"
            + "  accessToken(userPoolId: $userPoolId, secret: $secret) {\n    accessToken\n    exp\n    iat\n  }\n}";
    static final String CREATE_USER = "mutation createUser($userInfo: CreateUserInput!, $params: String, "
            + "$identity: CreateUserIdentityInput, $keepPassword: Boolean, $resetPasswordOnFirstLogin: Boolean) { "
            + "createUser(userInfo: $userInfo, params: $params, identity: $identity, keepPassword: $keepPassword, "
            + "resetPasswordOnFirstLogin: $resetPasswordOnFirstLogin) { " + USER + " } }";
    static final String UPDATE_USER = "mutation updateUser($id: String, $input: UpdateUserInput!) { "
            + "updateUser(id: $id, input: $input) { " + USER + " expiredAt directManagement } }";
    static final String DELETE_USER = "mutation deleteUser($id: String!) { deleteUser(id: $id) { message code } }";
    static final String DELETE_USERS = "mutation deleteUsers($ids: [String!]!) { deleteUsers(ids: $ids) { message code } }";
    static final String FIND_USER = "query findUser($email: String, $phone: String, $username: String, "
            + "$externalId: String, $identity: FindUserByIdentityInput) { findUser(email: $email, phone: $phone, "
            + "username: $username, externalId: $externalId, identity: $identity) { " + USER + " } }";
    static final String IS_USER_EXISTS = "query isUserExists($email: String, $phone: String, $username: String, "
            + "$externalId: String) { isUserExists(email: $email, phone: $phone, username: $username, "
            + "externalId: $externalId) }";
    static final String USERS = "query users($page: Int, $limit: Int, $sortBy: SortByEnum, $excludeUsersInOrg: Boolean) "
            + "{ users(page: $page, limit: $limit, sortBy: $sortBy, excludeUsersInOrg: $excludeUsersInOrg) "
            + "{ totalCount list { " + USER + " identities { openid userIdInIdp userId connectionId isSocial provider "
            + "type userPoolId extIdpId } } } }";
    static final String ARCHIVED_USERS = "query archivedUsers($page: Int, $limit: Int) { archivedUsers(page: $page, "
            + "limit: $limit) { totalCount list { " + USER + " } } }";
    static final String SEARCH_USER = "query searchUser($query: String!, $fields: [String], $page: Int, $limit: Int, "
            + "$departmentOpts: [SearchUserDepartmentOpt], $groupOpts: [SearchUserGroupOpt], $roleOpts: "
            + "[SearchUserRoleOpt]) { searchUser(query: $query, fields: $fields, page: $page, limit: $limit, "
            + "departmentOpts: $departmentOpts, groupOpts: $groupOpts, roleOpts: $roleOpts) { totalCount list { id username } } }";
    static final String REFRESH_TOKEN = "mutation refreshToken($id: String) { refreshToken(id: $id) { token iat exp } }";

    static final String CREATE_GROUP = "mutation createGroup($code: String!, $name: String!, $description: String) "
            + "{ createGroup(code: $code, name: $name, description: $description) { code name description createdAt updatedAt } }";
    static final String UPDATE_GROUP = "mutation updateGroup($code: String!, $name: String, $description: String, "
            + "$newCode: String) { updateGroup(code: $code, name: $name, description: $description, newCode: $newCode) "
            + "{ code name description createdAt updatedAt } }";
    static final String GROUP = "query group($code: String!) { group(code: $code) { code name description createdAt updatedAt } }";
    static final String GROUPS = "query groups($userId: String, $page: Int, $limit: Int, $sortBy: SortByEnum) "
            + "{ groups(userId: $userId, page: $page, limit: $limit, sortBy: $sortBy) { totalCount list { code name } } }";
    static final String DELETE_GROUPS = "mutation deleteGroups($codeList: [String!]!) { deleteGroups(codeList: $codeList) "
            + "{ message code } }";
    static final String ADD_USER_TO_GROUP = "mutation addUserToGroup($userIds: [String!]!, $code: String) "
            + "{ addUserToGroup(userIds: $userIds, code: $code) { message code } }";
    static final String REMOVE_USER_FROM_GROUP = "mutation removeUserFromGroup($userIds: [String!]!, $code: String) "
            + "{ removeUserFromGroup(userIds: $userIds, code: $code) { message code } }";
    static final String GROUP_WITH_USERS = "query groupWithUsers($code: String!, $page: Int, $limit: Int) "
            + "{ group(code: $code) { users(page: $page, limit: $limit) { totalCount list { id username } } } }";
    static final String GET_USER_GROUPS = "query getUserGroups($id: String!) { user(id: $id) { groups { totalCount "
            + "list { code name description createdAt updatedAt } } } }";

    static final String CREATE_ROLE = "mutation createRole($namespace: String, $code: String!, $description: String, "
            + "$parent: String) { createRole(namespace: $namespace, code: $code, description: $description, parent: $parent) "
            + "{ id namespace code arn description createdAt updatedAt parent { namespace code arn } } }";
    static final String ROLE = "query role($code: String!, $namespace: String) { role(code: $code, namespace: $namespace) "
            + "{ id namespace code arn description createdAt updatedAt } }";
    static final String ROLES = "query roles($namespace: String, $page: Int, $limit: Int, $sortBy: SortByEnum) "
            + "{ roles(namespace: $namespace, page: $page, limit: $limit, sortBy: $sortBy) { totalCount list { id namespace code } } }";
    static final String ASSIGN_ROLE = "mutation assignRole($namespace: String, $roleCode: String, $roleCodes: [String], "
            + "$userIds: [String!], $groupCodes: [String!], $nodeCodes: [String!]) { assignRole(namespace: $namespace, "
            + "roleCode: $roleCode, roleCodes: $roleCodes, userIds: $userIds, groupCodes: $groupCodes, nodeCodes: $nodeCodes) "
            + "{ message code } }";
    static final String REVOKE_ROLE = ASSIGN_ROLE.replace("assignRole", "revokeRole");
    static final String ROLE_WITH_USERS = "query roleWithUsers($code: String!, $namespace: String, $page: Int, $limit: Int) "
            + "{ role(code: $code, namespace: $namespace) { users(page: $page, limit: $limit) { totalCount list { id username } } } }";
    static final String GET_USER_ROLES = "query getUserRoles($id: String!, $namespace: String) { user(id: $id) "
            + "{ roles(namespace: $namespace) { totalCount list { id code namespace arn description createdAt updatedAt "
            + "parent { code namespace arn description createdAt updatedAt } } } } }";
    static final String DELETE_ROLES = "mutation deleteRoles($codeList: [String!]!, $namespace: String) "
            + "{ deleteRoles(codeList: $codeList, namespace: $namespace) { message code } }";

    static final String CREATE_ORG = "mutation createOrg($name: String!, $code: String, $description: String, "
            + "$tenantId: String) { createOrg(name: $name, code: $code, description: $description, tenantId: $tenantId) "
            + "{ id rootNode { " + NODE + " } nodes { " + NODE + " } } }";
    static final String ORG = "query org($id: String!) { org(id: $id) { id rootNode { " + NODE + " } nodes { " + NODE + " } } }";
    static final String ADD_NODE = "mutation addNodeV2($orgId: String!, $parentNodeId: String, $name: String!, "
            + "$nameI18n: String, $description: String, $descriptionI18n: String, $order: Int, $code: String) "
            + "{ addNodeV2(orgId: $orgId, parentNodeId: $parentNodeId, name: $name, nameI18n: $nameI18n, "
            + "description: $description, descriptionI18n: $descriptionI18n, order: $order, code: $code) { " + NODE + " } }";
    static final String UPDATE_NODE = "mutation updateNode($page: Int, $limit: Int, $sortBy: SortByEnum, "
            + "$includeChildrenNodes: Boolean, $id: String!, $name: String, $code: String, $description: String) "
            + "{ updateNode(id: $id, name: $name, code: $code, description: $description) { " + NODE
            + " users(page: $page, limit: $limit, sortBy: $sortBy, includeChildrenNodes: $includeChildrenNodes) { totalCount } } }";
    static final String DELETE_NODE = "mutation deleteNode($orgId: String!, $nodeId: String!) "
            + "{ deleteNode(orgId: $orgId, nodeId: $nodeId) { message code } }";
    static final String MOVE_NODE = "mutation moveNode($orgId: String!, $nodeId: String!, $targetParentId: String!) "
            + "{ moveNode(orgId: $orgId, nodeId: $nodeId, targetParentId: $targetParentId) { id rootNode { " + NODE
            + " } nodes { " + NODE + " } } }";
    static final String NODE_BY_ID = "query nodeById($id: String!) { nodeById(id: $id) { " + NODE + " } }";
    static final String NODE_BY_CODE = "query nodeByCode($orgId: String!, $code: String!) { nodeByCode(orgId: $orgId, "
            + "code: $code) { " + NODE + " } }";
    static final String NODE_WITH_MEMBERS = "query nodeByIdWithMembers($page: Int, $limit: Int, $sortBy: SortByEnum, "
            + "$includeChildrenNodes: Boolean, $id: String!) { nodeById(id: $id) { id name users(page: $page, "
            + "limit: $limit, sortBy: $sortBy, includeChildrenNodes: $includeChildrenNodes) { totalCount list { id username } } } }";
    static final String ADD_MEMBER = "mutation addMember($page: Int, $limit: Int, $sortBy: SortByEnum, "
            + "$includeChildrenNodes: Boolean, $nodeId: String, $orgId: String, $nodeCode: String, $userIds: [String!]!, "
            + "$isLeader: Boolean) { addMember(nodeId: $nodeId, orgId: $orgId, nodeCode: $nodeCode, userIds: $userIds, "
            + "isLeader: $isLeader) { " + NODE + " users(page: $page, limit: $limit, sortBy: $sortBy, "
            + "includeChildrenNodes: $includeChildrenNodes) { totalCount list { id username } } } }";
    static final String REMOVE_MEMBER = "mutation removeMember($nodeId: String, $userIds: [String!]!) "
            + "{ removeMember(nodeId: $nodeId, userIds: $userIds) { id users { totalCount list { id } } } }";
    static final String MOVE_MEMBERS = "mutation moveMembers($userIds: [String!]!, $sourceNodeId: String!, "
            + "$targetNodeId: String!) { moveMembers(userIds: $userIds, sourceNodeId: $sourceNodeId, "
            + "targetNodeId: $targetNodeId) { code message } }";
    static final String SET_MAIN_DEPARTMENT = "mutation setMainDepartment($userId: String!, $departmentId: String) "
            + "{ setMainDepartment(userId: $userId, departmentId: $departmentId) { message code } }";
    static final String GET_USER_DEPARTMENTS = "query getUserDepartments($id: String!, $orgId: String) { user(id: $id) "
            + "{ departments(orgId: $orgId) { totalCount list { department { " + NODE + " isVirtualNode } "
            + "isMainDepartment joinedAt } } } }";
    static final String CHILDREN_NODES = "query childrenNodes($nodeId: String!) { childrenNodes(nodeId: $nodeId) { " + NODE + " } }";

    static final String SET_UDF = "mutation setUdf($targetType: UDFTargetType!, $key: String!, $dataType: UDFDataType!, "
            + "$label: String!, $options: String) { setUdf(targetType: $targetType, key: $key, dataType: $dataType, "
            + "label: $label, options: $options) { targetType dataType key label options } }";
    static final String UDV = "query udv($targetType: UDFTargetType!, $targetId: String!) { udv(targetType: $targetType, "
            + "targetId: $targetId) { key dataType value label } }";
    static final String SET_UDV_BATCH = "mutation setUdvBatch($targetType: UDFTargetType!, $targetId: String!, "
            + "$udvList: [UserDefinedDataInput!]) { setUdvBatch(targetType: $targetType, targetId: $targetId, "
            + "udvList: $udvList) { key dataType value label } }";
    static final String UDF_VALUE_BATCH = "query udfValueBatch($targetType: UDFTargetType!, $targetIds: [String!]!) "
            + "{ udfValueBatch(targetType: $targetType, targetIds: $targetIds) { targetId data { key dataType value label } } }";
    static final String SET_UDF_VALUE_BATCH = "mutation setUdfValueBatch($targetType: UDFTargetType!, "
            + "$input: [SetUdfValueBatchInput!]!) { setUdfValueBatch(targetType: $targetType, input: $input) { code message } }";
    static final String REMOVE_UDV = "mutation removeUdv($targetType: UDFTargetType!, $targetId: String!, $key: String!) "
            + "{ removeUdv(targetType: $targetType, targetId: $targetId, key: $key) { key dataType value label } }";

    private Docs() {
    }
}
