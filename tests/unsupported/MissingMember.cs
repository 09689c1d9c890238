// MissingMember: calls a corlib member vcall's corlib does not have (Console.SetCursorPosition); the
// error must name the member and the referencing token.
using System;

class MissingMember
{
    static void Main()
    {
        Console.WriteLine("before");
        Console.SetCursorPosition(1, 2);
    }
}
