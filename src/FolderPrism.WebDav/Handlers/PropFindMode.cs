namespace FolderPrism.WebDav.Handlers;

internal enum PropFindMode
{
    AllProp,
    PropName,
    Prop,
}
